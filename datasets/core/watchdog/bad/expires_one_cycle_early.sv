module TopModule(input clk, input reset, input load, input [7:0] timeout, input kick,
                 output reg [7:0] count, output reg expired, output reg fault);
  reg [7:0] tval;
  reg missed;
  always @(posedge clk) begin
    if (reset) begin
      tval <= 8'd255; count <= 8'd255; missed <= 1'b0; expired <= 1'b0; fault <= 1'b0;
    end else if (load) begin
      tval <= timeout; count <= timeout; missed <= 1'b0; expired <= 1'b0;
    end else if (kick) begin
      count <= tval; missed <= 1'b0; expired <= 1'b0;
    end else if (count <= 8'd1) begin            // fires as the count reaches 0
      expired <= 1'b1; count <= tval; missed <= 1'b1;
      if (missed) fault <= 1'b1;
    end else begin
      count <= count - 8'd1; expired <= 1'b0;
    end
  end
endmodule
