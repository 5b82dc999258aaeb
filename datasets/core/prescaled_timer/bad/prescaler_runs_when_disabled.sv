module TopModule(input clk, input reset, input en, input [7:0] prescale,
                 input [15:0] compare, input clear_flag, output reg [15:0] count,
                 output reg flag);
  reg [7:0] pcnt;
  wire pre_done = (pcnt >= prescale);
  wire tick     = en && pre_done;
  wire match    = tick && (count >= compare);
  always @(posedge clk) begin
    if (reset) begin
      pcnt <= 8'd0; count <= 16'd0; flag <= 1'b0;
    end else begin
      pcnt <= pre_done ? 8'd0 : pcnt + 8'd1;     // not gated by en
      if (tick)       count <= match ? 16'd0 : count + 16'd1;
      if (match)      flag  <= 1'b1;
      else if (clear_flag) flag <= 1'b0;
    end
  end
endmodule
