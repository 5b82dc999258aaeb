module TopModule #(parameter CLKS_PER_BIT = 4)
                  (input clk, input reset, input start, input [7:0] data,
                   output reg tx, output reg busy);
  reg [3:0] bitn;
  reg [15:0] cnt;
  wire [9:0] frame = {1'b1, data, 1'b0};   // reads the live input instead of a latched copy

  always @(posedge clk) begin
    if (reset) begin
      tx <= 1'b1;
      busy <= 1'b0;
      bitn <= 4'd0;
      cnt <= 16'd0;
    end else if (!busy) begin
      if (start) begin
        tx <= 1'b0;
        busy <= 1'b1;
        bitn <= 4'd0;
        cnt <= 16'd0;
      end
    end else if (cnt == CLKS_PER_BIT - 1) begin
      cnt <= 16'd0;
      if (bitn == 4'd9) begin
        busy <= 1'b0;
        tx <= 1'b1;
      end else begin
        bitn <= bitn + 4'd1;
        tx <= frame[bitn + 4'd1];
      end
    end else begin
      cnt <= cnt + 16'd1;
    end
  end
endmodule
