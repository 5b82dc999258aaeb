module TopModule(input clk, input reset, input load, input [7:0] timeout, input kick,
                 output reg [7:0] count, output reg expired, output reg fault);
  reg [7:0] tval;
  reg [1:0] misses;   // saturating count of expiries since the last kick
  always @(posedge clk) begin
    if (reset) begin
      tval <= 8'd255; count <= 8'd255; misses <= 2'd0; expired <= 1'b0; fault <= 1'b0;
    end else begin
      if (misses == 2'd2) fault <= 1'b1;         // reacts one edge after the 2nd expiry
      if (load) begin
        tval <= timeout; count <= timeout; misses <= 2'd0; expired <= 1'b0;
      end else if (kick) begin
        count <= tval; misses <= 2'd0; expired <= 1'b0;
      end else if (count == 8'd0) begin
        expired <= 1'b1; count <= tval;
        if (misses != 2'd2) misses <= misses + 2'd1;
      end else begin
        count <= count - 8'd1; expired <= 1'b0;
      end
    end
  end
endmodule
